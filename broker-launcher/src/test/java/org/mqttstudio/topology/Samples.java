package org.mqttstudio.topology;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The shipped course samples, found from the module folder Maven runs tests in. */
public final class Samples {
    public static final List<String> NAMES = List.of("case1", "case2", "challenge");

    private Samples() {
    }

    public static Path dir() {
        Path here = Path.of("").toAbsolutePath();
        for (Path p = here; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("samples")) && Files.exists(p.resolve("pom.xml"))) {
                return p.resolve("samples");
            }
        }
        throw new IllegalStateException("no samples/ folder above " + here);
    }

    public static Path file(String name) {
        return dir().resolve(name + ".json");
    }

    public static Topology load(String name) {
        try {
            return new TopologyJson().read(file(name));
        } catch (TopologyFileException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }
}
