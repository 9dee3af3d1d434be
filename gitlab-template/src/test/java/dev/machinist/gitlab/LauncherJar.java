package dev.machinist.gitlab;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * A runnable jar of the CLI as built in this checkout: a manifest whose Class-Path names the test
 * classpath (cli, core, simulator classes and their libraries) and whose Main-Class is the CLI's. Unlike
 * cli/target/machinist.jar it exists in the `test` phase and is never stale, and `java -jar` runs it
 * exactly as the released jar is run.
 */
final class LauncherJar {
    private LauncherJar() {}

    static Path write(Path jar) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.put(Attributes.Name.MAIN_CLASS, "dev.machinist.cli.Main");
        main.put(Attributes.Name.CLASS_PATH, String.join(" ", classPathUrls()));
        try (OutputStream out = Files.newOutputStream(jar);
                JarOutputStream ignored = new JarOutputStream(out, manifest)) {
            // The manifest is the whole jar.
        }
        return jar;
    }

    private static List<String> classPathUrls() {
        // Surefire runs tests from a manifest-only jar and publishes the real classpath here.
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> urls = new ArrayList<>();
        for (String entry : cp.split(java.io.File.pathSeparator)) {
            if (entry.isBlank()) continue;
            Path p = Path.of(entry).toAbsolutePath();
            if (!Files.exists(p)) continue;
            urls.add(p.toUri().toString()); // directories end with '/', as Class-Path requires
        }
        return urls;
    }
}
