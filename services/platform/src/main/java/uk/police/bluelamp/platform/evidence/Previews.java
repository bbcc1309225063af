package uk.police.bluelamp.platform.evidence;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * A handler's preview of an image: at most {@value #LONGEST_SIDE} pixels a side, decoded with
 * subsampling so that a huge image costs no huge raster, and never written anywhere but the answer
 * (a plaintext copy on disk would outlive an erasure).
 */
final class Previews {

    static final int LONGEST_SIDE = 480;
    /** Past this an image is a decompression bomb, or near enough: no preview. */
    private static final long MOST_PIXELS = 200_000_000L;

    private Previews() {}

    static void draw(InputStream original, OutputStream out) throws IOException {
        try (ImageInputStream in = new MemoryCacheImageInputStream(original)) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new IllegalArgumentException("There is no preview of this file");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if ((long) width * height > MOST_PIXELS) {
                    throw new IllegalArgumentException("There is no preview of this file: it is too large");
                }
                int step = Math.max(1, Math.max(width, height) / (LONGEST_SIDE * 2));
                ImageReadParam every = reader.getDefaultReadParam();
                every.setSourceSubsampling(step, step, 0, 0);
                ImageIO.write(scaled(reader.read(0, every)), "png", out);
            } finally {
                reader.dispose();
            }
        }
    }

    private static BufferedImage scaled(BufferedImage image) {
        double factor = Math.min(1.0, (double) LONGEST_SIDE / Math.max(image.getWidth(), image.getHeight()));
        int width = Math.max(1, (int) Math.round(image.getWidth() * factor));
        int height = Math.max(1, (int) Math.round(image.getHeight() * factor));
        BufferedImage preview = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = preview.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(image, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return preview;
    }
}
