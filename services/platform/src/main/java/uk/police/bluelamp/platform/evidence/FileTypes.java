package uk.police.bluelamp.platform.evidence;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The kinds of file a citizen or handler may send, told by their first bytes (their magic numbers),
 * never by the name or the type the browser claims: a program renamed photo.jpg is refused.
 */
public final class FileTypes {

    /** How many leading bytes decide the type. */
    static final int HEAD = 8192;

    /** @param image whether a handler's preview can be drawn from it here */
    public record FileType(String mediaType, String extension, boolean image) {}

    private static final FileType JPEG = new FileType("image/jpeg", "jpg", true);
    private static final FileType PNG = new FileType("image/png", "png", true);
    private static final FileType GIF = new FileType("image/gif", "gif", true);
    private static final FileType WEBP = new FileType("image/webp", "webp", false);
    private static final FileType HEIC = new FileType("image/heic", "heic", false);
    private static final FileType MP4 = new FileType("video/mp4", "mp4", false);
    private static final FileType MOV = new FileType("video/quicktime", "mov", false);
    private static final FileType THREE_GP = new FileType("video/3gpp", "3gp", false);
    private static final FileType M4A = new FileType("audio/mp4", "m4a", false);
    private static final FileType WEBM = new FileType("video/webm", "webm", false);
    private static final FileType MP3 = new FileType("audio/mpeg", "mp3", false);
    private static final FileType WAV = new FileType("audio/wav", "wav", false);
    private static final FileType OGG = new FileType("audio/ogg", "ogg", false);
    private static final FileType PDF = new FileType("application/pdf", "pdf", false);
    private static final FileType DOC = new FileType("application/msword", "doc", false);
    private static final FileType DOCX =
            new FileType("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx", false);

    private static final List<String> HEIC_BRANDS = List.of("heic", "heix", "heim", "heis", "mif1", "msf1");
    private static final List<String> MOV_BRANDS = List.of("qt  ");
    private static final List<String> M4A_BRANDS = List.of("M4A ", "M4B ");
    private static final List<String> THREE_GP_BRANDS = List.of("3gp4", "3gp5", "3gp6", "3g2a");

    private FileTypes() {}

    /** Whether a preview can be drawn here (Java's own image readers know these). */
    public static boolean previewable(String mediaType) {
        return mediaType.equals(JPEG.mediaType())
                || mediaType.equals(PNG.mediaType())
                || mediaType.equals(GIF.mediaType());
    }

    /** The type the leading bytes show, or empty for anything not on the list. */
    public static Optional<FileType> of(byte[] head, int length) {
        if (starts(head, length, 0, 0xFF, 0xD8, 0xFF)) {
            return Optional.of(JPEG);
        }
        if (starts(head, length, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of(PNG);
        }
        if (text(head, length, 0, "GIF87a") || text(head, length, 0, "GIF89a")) {
            return Optional.of(GIF);
        }
        if (text(head, length, 0, "RIFF") && text(head, length, 8, "WEBP")) {
            return Optional.of(WEBP);
        }
        if (text(head, length, 0, "RIFF") && text(head, length, 8, "WAVE")) {
            return Optional.of(WAV);
        }
        if (text(head, length, 4, "ftyp") && length >= 12) {
            String brand = new String(head, 8, 4, StandardCharsets.ISO_8859_1);
            if (HEIC_BRANDS.contains(brand)) {
                return Optional.of(HEIC);
            }
            if (MOV_BRANDS.contains(brand)) {
                return Optional.of(MOV);
            }
            if (M4A_BRANDS.contains(brand)) {
                return Optional.of(M4A);
            }
            if (THREE_GP_BRANDS.contains(brand)) {
                return Optional.of(THREE_GP);
            }
            return Optional.of(MP4);
        }
        if (starts(head, length, 0, 0x1A, 0x45, 0xDF, 0xA3)) {
            return Optional.of(WEBM);
        }
        if (text(head, length, 0, "ID3") || (length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xE0) == 0xE0)) {
            return Optional.of(MP3);
        }
        if (text(head, length, 0, "OggS")) {
            return Optional.of(OGG);
        }
        if (text(head, length, 0, "%PDF-")) {
            return Optional.of(PDF);
        }
        if (starts(head, length, 0, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) {
            return Optional.of(DOC);
        }
        // A zip can hold anything: only a Word document's own parts make it one.
        if (starts(head, length, 0, 'P', 'K', 0x03, 0x04) && contains(head, length, "word/")) {
            return Optional.of(DOCX);
        }
        return Optional.empty();
    }

    private static boolean starts(byte[] head, int length, int at, int... bytes) {
        if (length < at + bytes.length) {
            return false;
        }
        for (int i = 0; i < bytes.length; i++) {
            if ((head[at + i] & 0xFF) != bytes[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean text(byte[] head, int length, int at, String ascii) {
        return starts(head, length, at, ascii.chars().toArray());
    }

    private static boolean contains(byte[] head, int length, String ascii) {
        byte[] wanted = ascii.getBytes(StandardCharsets.ISO_8859_1);
        outer:
        for (int i = 0; i <= length - wanted.length; i++) {
            for (int j = 0; j < wanted.length; j++) {
                if (head[i + j] != wanted[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
