package dev.parbench.results;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The one place parbench reads a JSON file it did not just write itself (results.json, env.json, failures.json, a
 * gate config, a history folder's files). Every reader goes through the same bounded parser: a document of at most
 * {@value #MAX_DOCUMENT_MIB} MiB, strings of at most {@value #MAX_STRING_CHARS} characters, and at most
 * {@value #MAX_NESTING} levels of nesting (JMH's own files use seven). The file is streamed once into a tree,
 * never held as bytes as well. Anything that is not a regular file (a folder, a FIFO, a device) is refused before it
 * is opened, so a FIFO cannot block a command for ever. Every problem is a {@link ResultsFormatException} whose
 * message is one line naming the file.
 */
public final class JsonInput {
    /** The largest document accepted, in MiB. */
    public static final int MAX_DOCUMENT_MIB = 256;
    /** The longest string value accepted, in characters. */
    public static final int MAX_STRING_CHARS = 1_000_000;
    /** The deepest nesting of arrays and objects accepted. */
    public static final int MAX_NESTING = 64;
    /** The line every command that reads such files shows at the end of its {@code --help}. */
    public static final String LIMITS = "Input limits: a JSON file of at most " + MAX_DOCUMENT_MIB + " MiB, strings "
            + "of at most " + MAX_STRING_CHARS + " characters, at most " + MAX_NESTING + " levels of nesting; "
            + "only regular files are read.";

    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxDocumentLength((long) MAX_DOCUMENT_MIB << 20)
                    .maxStringLength(MAX_STRING_CHARS)
                    .maxNestingDepth(MAX_NESTING)
                    .build())
            .build());

    private JsonInput() {
    }

    /** The shared, bounded mapper (for readers that bind to a class; see {@link #read}). */
    public static ObjectMapper mapper() {
        return JSON;
    }

    /** Reads {@code file} into a tree; never null (an empty file is refused). */
    public static JsonNode readTree(Path file) {
        JsonNode root = parse(file, JSON::readTree);
        if (root == null || root.isMissingNode()) {
            throw new ResultsFormatException(file + ": the file is empty, not JSON");
        }
        return root;
    }

    /** Reads {@code file} with {@code reader} (made from {@link #mapper()} with {@code readerFor}). */
    public static <T> T read(Path file, ObjectReader reader) {
        return parse(file, reader::readValue);
    }

    /** How a stream becomes a value. */
    private interface Parse<T> {
        T from(InputStream in) throws IOException;
    }

    private static <T> T parse(Path file, Parse<T> how) {
        requireRegularFile(file);
        try (InputStream in = Files.newInputStream(file)) {
            return how.from(in);
        } catch (StreamConstraintsException e) {
            throw new ResultsFormatException(file + ": " + limit(e));
        } catch (JacksonException e) {
            if (e.getCause() instanceof StreamConstraintsException c) {
                throw new ResultsFormatException(file + ": " + limit(c));
            }
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
                throw new ResultsFormatException(file + ": a value of the wrong kind" + where + " ("
                        + firstLine(e.getOriginalMessage()) + ")");
            }
            String what = e.getOriginalMessage() == null ? "" : e.getOriginalMessage().lines().findFirst().orElse("");
            throw new ResultsFormatException(file + ": malformed or truncated JSON" + where + " (" + what + ")");
        } catch (NoSuchFileException e) {
            throw new ResultsFormatException(file + ": no such file");
        } catch (IOException e) {
            throw new ResultsFormatException(file + ": cannot read (" + e.getMessage() + ")");
        }
    }

    /** Refuses anything but a regular file, without opening it (a FIFO would block the open for ever). */
    public static void requireRegularFile(Path file) {
        if (!Files.exists(file)) {
            throw new ResultsFormatException(file + ": no such file");
        }
        if (!Files.isRegularFile(file)) {
            throw new ResultsFormatException(file + ": not a regular file (a folder, FIFO or device); expected a "
                    + "JSON file");
        }
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }

    /** Which limit a document broke, in words. */
    private static String limit(StreamConstraintsException e) {
        String m = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
        if (m.contains("nesting")) {
            return "nested more than " + MAX_NESTING + " levels deep (the limit for a JSON input)";
        }
        if (m.contains("document")) {
            return "larger than " + MAX_DOCUMENT_MIB + " MiB (the limit for a JSON input)";
        }
        if (m.contains("string")) {
            return "holds a string longer than " + MAX_STRING_CHARS + " characters (the limit for a JSON input)";
        }
        return "exceeds a JSON input limit (" + String.valueOf(e.getMessage()).lines().findFirst().orElse("") + ")";
    }
}
