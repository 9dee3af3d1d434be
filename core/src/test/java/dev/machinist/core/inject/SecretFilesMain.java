package dev.machinist.core.inject;

import dev.machinist.core.Secret;

/** Creates secret files, prints the directory, then waits to be killed (for the SIGTERM cleanup test). */
public final class SecretFilesMain {
    private SecretFilesMain() {}

    public static void main(String[] args) throws InterruptedException {
        SecretFiles files = SecretFiles.create();
        files.write("key.pem", Secret.of("KEY", "-----BEGIN KEY-----\nabc\n-----END KEY-----\n"));
        System.out.println(files.directory());
        System.out.flush();
        Thread.sleep(60_000);
    }
}
