package uk.police.bluelamp.platform.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The demo's stand-in knows the EICAR test file wherever it falls in the stream, and nothing else. */
class DemoScannerTest {

    private static String scan(byte[]... chunks) {
        try (VirusScanner.Scan scan = new DemoScanner().start()) {
            for (byte[] chunk : chunks) {
                scan.write(chunk, 0, chunk.length);
            }
            return scan.infection();
        }
    }

    @Test
    void findsTheTestFileSplitAcrossChunks() {
        byte[] eicar = ("%PDF-1.4\n" + new String(DemoScanner.EICAR, StandardCharsets.US_ASCII))
                .getBytes(StandardCharsets.US_ASCII);
        byte[] first = java.util.Arrays.copyOfRange(eicar, 0, 30);
        byte[] rest = java.util.Arrays.copyOfRange(eicar, 30, eicar.length);

        assertThat(scan(first, rest)).contains("Eicar");
    }

    @Test
    void passesAnythingElse() {
        assertThat(scan("X5O!P%@AP[4 is not the whole of it".getBytes(StandardCharsets.US_ASCII)))
                .isNull();
    }
}
