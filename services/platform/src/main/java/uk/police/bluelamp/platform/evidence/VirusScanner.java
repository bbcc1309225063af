package uk.police.bluelamp.platform.evidence;

/** Scans a file as it streams in; nothing is kept unless the verdict is clean. */
public interface VirusScanner {

    /** @throws ScannerUnavailable when no scan can be made now: the file is then refused */
    Scan start();

    /** What the scanner is, for the log at start. */
    String describe();

    interface Scan extends AutoCloseable {

        void write(byte[] bytes, int offset, int length);

        /** @return the signature found, or null when the file is clean */
        String infection();

        @Override
        void close();
    }

    class ScannerUnavailable extends RuntimeException {
        public ScannerUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
