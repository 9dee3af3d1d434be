package dev.machinist.cli;

import java.lang.reflect.Constructor;
import picocli.CommandLine;

/** Lets commands take the {@link CliContext} in their constructor instead of reaching for globals. */
final class ContextFactory implements CommandLine.IFactory {
    private final CliContext context;

    ContextFactory(CliContext context) {
        this.context = context;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        for (Constructor<?> c : type.getDeclaredConstructors()) {
            Class<?>[] params = c.getParameterTypes();
            if (params.length == 1 && params[0] == CliContext.class) {
                c.setAccessible(true);
                return type.cast(c.newInstance(context));
            }
        }
        return CommandLine.defaultFactory().create(type);
    }
}
