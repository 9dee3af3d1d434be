package dev.machinist.core.inject;

import dev.machinist.core.Secret;
import dev.machinist.core.mask.Masker;
import java.util.Arrays;

/** A minimal `machinist run` for process-level tests that must signal the runner's own JVM. */
public final class RunnerMain {
    private RunnerMain() {}

    public static void main(String[] args) {
        Masker masker = Masker.builder().build();
        Secret secret = Secret.of("SECRET", "runner-main-secret-42");
        masker.add(secret);
        int code = ChildProcess.command(Arrays.asList(args))
                .masker(masker)
                .secret("SECRET", secret)
                .build()
                .run();
        System.out.flush();
        System.exit(code);
    }
}
