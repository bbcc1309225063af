package uk.police.bluelamp.platform.evidence;

import java.nio.charset.StandardCharsets;

/**
 * A stand-in for ClamAV in the demo profile alone, so that uploads can be tried on a laptop
 * without a clamd: it knows one signature, the EICAR test file, and passes everything else.
 * It is not a virus scanner; outside the demo an unset clamd refuses every upload instead.
 */
final class DemoScanner implements VirusScanner {

    static final byte[] EICAR = ("X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*")
            .getBytes(StandardCharsets.US_ASCII);

    @Override
    public String describe() {
        return "the demo's stand-in, which refuses only the EICAR test file (NOT a virus scanner: "
                + "set bluelamp.evidence.clamd.host)";
    }

    @Override
    public Scan start() {
        return new Scan() {
            private int matched;
            private boolean found;

            @Override
            public void write(byte[] bytes, int offset, int length) {
                for (int i = offset; i < offset + length && !found; i++) {
                    matched = bytes[i] == EICAR[matched] ? matched + 1 : (bytes[i] == EICAR[0] ? 1 : 0);
                    found = matched == EICAR.length;
                }
            }

            @Override
            public String infection() {
                return found ? "Eicar-Test-Signature (demo stand-in)" : null;
            }

            @Override
            public void close() {
                // holds nothing
            }
        };
    }
}
