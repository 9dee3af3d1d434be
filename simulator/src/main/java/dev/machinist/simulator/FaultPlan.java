package dev.machinist.simulator;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Faults waiting per route name; each request to the route consumes one use of the first fault. */
public final class FaultPlan {
    private final Map<String, Deque<Fault>> byRoute = new ConcurrentHashMap<>();

    public void inject(String route, Fault fault) {
        byRoute.computeIfAbsent(route, r -> new ArrayDeque<>()).addLast(fault);
    }

    public void clear() {
        byRoute.clear();
    }

    synchronized Optional<Fault> next(String route) {
        Deque<Fault> queue = byRoute.get(route);
        if (queue == null || queue.isEmpty()) return Optional.empty();
        Fault head = queue.removeFirst();
        if (head.times() > 1) queue.addFirst(head.times(head.times() - 1));
        return Optional.of(head);
    }
}
