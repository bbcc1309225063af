package uk.police.bluelamp.platform.evidence;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * A stored file, or its preview, as the answer to a request that was allowed it. The name and the
 * key are read before the first byte is written, so an erased file is a clean 410, not a cut answer.
 * Never cached, never sniffed by the browser as anything but what its bytes were checked to be.
 */
@Component
public class EvidenceDownloads {

    private final EvidenceStore store;

    EvidenceDownloads(EvidenceStore store) {
        this.store = store;
    }

    /** The look's refusal; or, when it found the file, the file written to the response and nothing to return. */
    public ResponseEntity<?> original(EvidenceLook look, HttpServletResponse response) throws IOException {
        if (look.refusal() != null) {
            return look.refusal();
        }
        original(look.file(), response);
        return null;
    }

    /** As {@link #original(EvidenceLook, HttpServletResponse)}, for the preview. */
    public ResponseEntity<?> preview(EvidenceLook look, HttpServletResponse response) throws IOException {
        if (look.refusal() != null) {
            return look.refusal();
        }
        preview(look.file(), response);
        return null;
    }

    public void original(EvidenceStore.StoredFile file, HttpServletResponse response) throws IOException {
        String name = store.name(file);
        headers(response, file.mediaType());
        response.setContentLengthLong(file.sizeBytes());
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment()
                        .filename(name, StandardCharsets.UTF_8)
                        .build()
                        .toString());
        store.copyTo(file, response.getOutputStream());
    }

    public void preview(EvidenceStore.StoredFile file, HttpServletResponse response) throws IOException {
        if (!file.previewable()) {
            throw new IllegalArgumentException("There is no preview of this file");
        }
        store.name(file); // an erased file fails here, before anything is written
        headers(response, "image/png");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "inline");
        store.previewTo(file, response.getOutputStream());
    }

    private static void headers(HttpServletResponse response, String mediaType) {
        response.setContentType(mediaType);
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Security-Policy", "default-src 'none'; sandbox");
    }
}
