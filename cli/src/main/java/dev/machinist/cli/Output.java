package dev.machinist.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintStream;
import picocli.CommandLine.Option;

/** `--output text|json` for commands whose output is data. */
public final class Output {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public enum Format {
        text,
        json
    }

    @Option(
            names = {"--output", "-o"},
            paramLabel = "FORMAT",
            description = "text (default) or json.")
    Format format = Format.text;

    public boolean json() {
        return format == Format.json;
    }

    public static void printJson(PrintStream out, Object value) {
        try {
            out.println(JSON.writeValueAsString(value));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot render JSON", e);
        }
    }
}
