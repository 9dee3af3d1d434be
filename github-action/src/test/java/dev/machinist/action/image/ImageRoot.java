package dev.machinist.action.image;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

/**
 * Builds the file tree Jib puts into the image (run by the build, not a test): a jlink'd runtime in
 * /opt/java, the shared libraries it links against copied from this machine, the CLI jar, and an AppCDS
 * archive of the classes a real action run loads.
 *
 * <p>The archive must be dumped at the paths the container uses (JDK 17 rejects an archive whose class
 * path or runtime moved), so the dump runs chrooted into the tree, with the image's own java and glibc.
 * The jar's mtime is set to what Jib gives every file (epoch + 1 s) because CDS checks it too.
 */
public final class ImageRoot {
    static final FileTime JIB_FILE_TIME = FileTime.fromMillis(1000);
    private static final Pattern LIBRARY = Pattern.compile("(/\\S+\\.so[.\\d]*)");

    private ImageRoot() {}

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]).toAbsolutePath().normalize();
        Path root = Path.of(args[1]).toAbsolutePath().normalize();
        String modules = args[2];
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(
                    jar + " is missing: build the cli module first (mvn package -pl github-action -am).");
        }
        long start = System.nanoTime();
        deleteTree(root);
        jlink(modules, root.resolve("opt/java"));
        Path appJar = root.resolve("opt/machinist/machinist.jar");
        Files.createDirectories(appJar.getParent());
        Files.copy(jar, appJar, StandardCopyOption.REPLACE_EXISTING);
        Files.setLastModifiedTime(appJar, JIB_FILE_TIME);
        copyLibraries(root);
        addShell(root);
        Files.createDirectories(root.resolve("tmp"));
        Path classList = root.resolve("tmp/classes.lst");
        CdsTraining.run(root, classList);
        dumpArchive(root);
        Files.delete(classList);
        // Jib insists on the module's (empty) class output even though everything comes from the tree.
        Files.createDirectories(root.resolveSibling("classes"));
        System.out.printf(
                "image root: %s (%d MB) in %d s%n",
                root, size(root) / (1024 * 1024), TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start));
    }

    /**
     * GitLab runs a job's script with the image's /bin/sh, so the image carries a static busybox as /bin/sh
     * (its applets run without links: mkdir, cat, ... work with no other binary) and a `machinist` launcher
     * on PATH. Without busybox-static on the build machine the image is built shell-less (enough for the
     * GitHub Action) and says so.
     */
    static void addShell(Path root) throws IOException {
        Path busybox = Path.of("/bin/busybox");
        if (!Files.isRegularFile(busybox)) {
            System.out.println("image root: no /bin/busybox (apt-get install busybox-static): image built without"
                    + " /bin/sh; GitLab jobs cannot run in it");
            return;
        }
        Path sh = root.resolve("bin/sh");
        Files.createDirectories(sh.getParent());
        Files.copy(busybox, sh, StandardCopyOption.REPLACE_EXISTING);
        Path launcher = root.resolve("usr/local/bin/machinist");
        Files.createDirectories(launcher.getParent());
        Files.writeString(launcher, LAUNCHER, StandardCharsets.UTF_8);
        for (Path p : new Path[] {sh, launcher}) Files.setLastModifiedTime(p, JIB_FILE_TIME);
    }

    /** The same JVM settings as the entrypoint, but the full CLI (`machinist run`, `login`, ...). */
    static final String LAUNCHER = """
            #!/bin/sh
            exec /opt/java/bin/java -XX:SharedArchiveFile=/opt/machinist/machinist.jsa -Xshare:auto \
              -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -XX:+UseSerialGC -XX:-UsePerfData \
              -Dfile.encoding=UTF-8 -Duser.home="${HOME:-/root}" -cp /opt/machinist/machinist.jar dev.machinist.cli.Main "$@"
            """;

    static void jlink(String modules, Path output) {
        ToolProvider jlink = ToolProvider.findFirst("jlink")
                .orElseThrow(() -> new IllegalStateException("jlink not found: build with a JDK, not a JRE"));
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        int code = jlink.run(
                out,
                out,
                "--add-modules",
                modules,
                "--strip-debug",
                "--no-man-pages",
                "--no-header-files",
                "--output",
                output.toString());
        if (code != 0) throw new IllegalStateException("jlink failed with exit code " + code);
    }

    /** Every library the runtime's binaries load (ldd), copied to the same path under {@code root}. */
    static void copyLibraries(Path root) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("ldd"));
        try (Stream<Path> files = Files.walk(root.resolve("opt/java"))) {
            files.filter(p -> p.toString().endsWith(".so") || p.endsWith("bin/java"))
                    .forEach(p -> command.add(p.toString()));
        }
        Process ldd = new ProcessBuilder(command).redirectErrorStream(true).start();
        String listing = new String(ldd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        ldd.waitFor();
        TreeSet<String> libraries = new TreeSet<>();
        Matcher m = LIBRARY.matcher(listing);
        while (m.find()) {
            if (!Path.of(m.group(1)).normalize().startsWith(root)) libraries.add(m.group(1));
        }
        if (libraries.stream().noneMatch(l -> l.contains("libc.so"))) {
            throw new IllegalStateException("ldd found no libc; output was:\n" + listing);
        }
        for (String library : libraries) {
            Path target = root.resolve(library.substring(1));
            Files.createDirectories(target.getParent());
            Files.copy(Path.of(library), target, StandardCopyOption.REPLACE_EXISTING); // follows symlinks
        }
        System.out.println("libraries from this machine: " + libraries);
    }

    /** {@code java -Xshare:dump} inside the tree, as root or in a user namespace that maps us to root. */
    static void dumpArchive(Path root) throws IOException, InterruptedException {
        List<String> dump = List.of(
                "/opt/java/bin/java",
                "-Xshare:dump",
                "-XX:SharedClassListFile=/tmp/classes.lst",
                "-XX:SharedArchiveFile=/opt/machinist/machinist.jsa",
                "-XX:+UseSerialGC",
                "-cp",
                "/opt/machinist/machinist.jar");
        boolean isRoot = "0"
                .equals(new String(
                                new ProcessBuilder("id", "-u")
                                        .start()
                                        .getInputStream()
                                        .readAllBytes(),
                                StandardCharsets.UTF_8)
                        .trim());
        List<String> command = new ArrayList<>(
                isRoot ? List.of("chroot", root.toString()) : List.of("unshare", "-r", "chroot", root.toString()));
        command.addAll(dump);
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        // Without /proc in the chroot the loader cannot resolve java's $ORIGIN run path to find libjli.
        pb.environment().put("LD_LIBRARY_PATH", "/opt/java/lib");
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0 || !Files.isRegularFile(root.resolve("opt/machinist/machinist.jsa"))) {
            throw new IllegalStateException("CDS dump failed (" + String.join(" ", command) + "):\n" + output);
        }
    }

    static long size(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .mapToLong(p -> p.toFile().length())
                    .sum();
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) return;
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
