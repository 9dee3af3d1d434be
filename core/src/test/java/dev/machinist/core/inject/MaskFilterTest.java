package dev.machinist.core.inject;

import static org.assertj.core.api.Assertions.assertThat;

import dev.machinist.core.Secret;
import dev.machinist.core.mask.Masker;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MaskFilterTest {
    @Test
    void masksAPipeAndPassesPartialLinesPromptly() throws Exception {
        Masker masker = Masker.builder().build();
        masker.add(Secret.of("T", "filter-secret-123"));
        PipedOutputStream producer = new PipedOutputStream();
        PipedInputStream in = new PipedInputStream(producer);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Thread filter = new Thread(() -> {
            try {
                MaskFilter.copy(in, out, masker);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        filter.start();
        producer.write("step 1/3 filter-sec".getBytes(StandardCharsets.UTF_8));
        producer.flush();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (out.size() < "step 1/3 ".length() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("step 1/3 ");
        producer.write("ret-123 done\n".getBytes(StandardCharsets.UTF_8));
        producer.close();
        filter.join();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("step 1/3 *** done\n");
    }
}
