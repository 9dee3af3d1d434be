package dev.machinist.core.mask;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The two approaches Machinist is compared with, rebuilt from their descriptions (peers.md §2). */
final class LineMaskers {
    private LineMaskers() {}

    /**
     * Jenkins credentials-binding's SecretPatterns: every form {@code Pattern.quote}d, longest first, one big
     * alternation; each line is matched with {@code replaceAll}.
     */
    static Pattern jenkinsAlternation(List<String> forms) {
        return Pattern.compile(forms.stream()
                .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()))
                .map(Pattern::quote)
                .collect(Collectors.joining("|")));
    }

    /**
     * GitHub runner's SecretMasker: for each secret form, ordinal {@code IndexOf} over the line collecting
     * every occurrence, then merge overlapping ranges and replace each with {@code ***}.
     */
    static String githubMaskLine(String line, List<String> forms) {
        List<int[]> hits = null;
        for (String form : forms) {
            for (int at = line.indexOf(form); at >= 0; at = line.indexOf(form, at + 1)) {
                if (hits == null) {
                    hits = new ArrayList<>();
                }
                hits.add(new int[] {at, at + form.length()});
            }
        }
        if (hits == null) {
            return line;
        }
        hits.sort(Comparator.comparingInt(h -> h[0]));
        StringBuilder sb = new StringBuilder();
        int written = 0;
        int start = hits.get(0)[0];
        int end = hits.get(0)[1];
        for (int[] h : hits) {
            if (h[0] <= end) {
                end = Math.max(end, h[1]);
            } else {
                sb.append(line, written, start).append("***");
                written = end;
                start = h[0];
                end = h[1];
            }
        }
        sb.append(line, written, start).append("***").append(line, end, line.length());
        return sb.toString();
    }
}
