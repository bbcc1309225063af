package uk.police.bluelamp.platform.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A file's type is what its first bytes say, whatever its name claims. */
class FileTypesTest {

    @ParameterizedTest
    @CsvSource({
        "ffd8ffe000104a464946, image/jpeg",
        "89504e470d0a1a0a0000, image/png",
        "474946383961010001, image/gif",
        "52494646000000005745425056503820, image/webp",
        "000000186674797068656963, image/heic",
        "00000018667479706d703432, video/mp4",
        "0000001466747970717420200000, video/quicktime",
        "000000206674797033677034, video/3gpp",
        "00000020667479704d344120, audio/mp4",
        "1a45dfa3a34286810142f7, video/webm",
        "49443303000000000000, audio/mpeg",
        "fffb9064000000000000, audio/mpeg",
        "52494646000000005741564566, audio/wav",
        "4f676753000200000000, audio/ogg",
        "255044462d312e370a, application/pdf",
        "d0cf11e0a1b11ae10000, application/msword"
    })
    void knowsEachTypeTakenByItsMagicNumber(String hex, String mediaType) {
        byte[] head = HexFormat.of().parseHex(hex);
        assertThat(FileTypes.of(head, head.length).map(FileTypes.FileType::mediaType))
                .contains(mediaType);
    }

    @ParameterizedTest
    @CsvSource({
        "4d5a90000300000004000000, a Windows program, whatever its name",
        "7f454c46020101000000, a Linux program",
        "504b0304140000000800, a zip that is not a Word document",
        "3c68746d6c3e, a web page",
        "'', nothing at all"
    })
    void refusesEverythingElse(String hex, String what) {
        byte[] head = HexFormat.of().parseHex(hex);
        assertThat(FileTypes.of(head, head.length)).as(what).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void aZipIsAWordDocumentOnlyWhenItHoldsAWordDocumentsParts() {
        byte[] docx = ("PK\u0003\u0004\u0014\u0000\u0006\u0000[Content_Types].xml ... word/document.xml")
                .getBytes(StandardCharsets.ISO_8859_1);
        Optional<FileTypes.FileType> type = FileTypes.of(docx, docx.length);
        assertThat(type.map(FileTypes.FileType::extension)).contains("docx");
    }
}
