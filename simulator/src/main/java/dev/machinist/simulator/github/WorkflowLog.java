package dev.machinist.simulator.github;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Replays an action's stdout as the runner reads it, line by line: {@code ::add-mask::} registers the
 * unescaped value, so a test can ask which secret was printed before it was masked. Unescaping is the
 * runner's: %0D, %0A, then %25. Only the value as sent is registered: actions/runner's
 * AddMaskCommandExtension (02523b9) passes the whole value to the masker without splitting it into lines
 * (protocols.md credits a per-line split to a later PR), so a line is masked on its own only when the
 * action announces it.
 */
public final class WorkflowLog {
    private final List<String> lines;

    public WorkflowLog(String stdout) {
        this.lines = List.of(stdout.split("\n", -1));
    }

    public List<String> lines() {
        return lines;
    }

    /** Every string registered with ::add-mask::, in order. */
    public Set<String> masks() {
        Set<String> masks = new LinkedHashSet<>();
        for (String line : lines) addMask(line, masks);
        return masks;
    }

    /** The workflow commands of one kind (e.g. "error"), their data unescaped. */
    public List<String> commands(String name) {
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            String l = stripCr(line);
            if (!l.startsWith("::")) continue;
            int end = l.indexOf("::", 2);
            if (end < 0) continue;
            String head = l.substring(2, end);
            String command = head.contains(" ") ? head.substring(0, head.indexOf(' ')) : head;
            if (command.equals(name)) out.add(unescape(l.substring(end + 2)));
        }
        return out;
    }

    /**
     * The first line (index) in which {@code secret} appears although it was not registered as a mask yet:
     * only {@code ::add-mask::} lines may carry a value, and only after that line does the runner hide it.
     */
    public Optional<Integer> firstUnmaskedUse(String secret) {
        Set<String> masks = new LinkedHashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = stripCr(lines.get(i));
            if (addMask(line, masks)) continue;
            if (line.contains(secret) && !masks.contains(secret)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    private static boolean addMask(String line, Set<String> masks) {
        String l = stripCr(line);
        if (!l.startsWith("::add-mask::")) return false;
        String value = unescape(l.substring("::add-mask::".length()));
        if (value.isBlank()) return true;
        masks.add(value);
        return true;
    }

    public static String unescape(String data) {
        return data.replace("%0D", "\r").replace("%0A", "\n").replace("%25", "%");
    }

    private static String stripCr(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }
}
