package org.mqttstudio.app;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The repository folders the app reads at run time: {@code samples/} (course topologies) and
 * {@code assets/} (style sheet, icons). Each is taken from a system property when set
 * ({@code studio.samples}, {@code studio.assets}), else found above the working directory or
 * above the app's own classes or jar, so that {@code ./studio}, the IDE and the tests all work.
 *
 * @param samples empty when no samples folder was found
 * @param assets empty when no assets folder was found
 */
public record StudioFolders(Optional<Path> samples, Optional<Path> assets) {
    public static final List<String> SAMPLE_NAMES = List.of("case1", "case2", "challenge");

    public static StudioFolders locate() {
        return new StudioFolders(find("studio.samples", "samples"), find("studio.assets", "assets"));
    }

    /** The shipped sample files that exist, in course order. */
    public List<Path> sampleFiles() {
        return samples.stream()
                .flatMap(dir -> SAMPLE_NAMES.stream().map(name -> dir.resolve(name + ".json")))
                .filter(Files::isRegularFile)
                .toList();
    }

    public Optional<Path> asset(String relative) {
        return assets.map(dir -> dir.resolve(relative)).filter(Files::isRegularFile);
    }

    private static Optional<Path> find(String property, String folder) {
        String configured = System.getProperty(property);
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured).toAbsolutePath()).filter(Files::isDirectory);
        }
        Stream<Path> candidates = Stream.concat(ancestors(Path.of("").toAbsolutePath()),
                codeLocation().stream().flatMap(StudioFolders::ancestors));
        return candidates
                .map(dir -> dir.resolve(folder))
                .filter(Files::isDirectory)
                .findFirst();
    }

    private static Stream<Path> ancestors(Path start) {
        return Stream.iterate(start, p -> p != null, Path::getParent);
    }

    private static Optional<Path> codeLocation() {
        CodeSource source = StudioFolders.class.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(source.getLocation().toURI()));
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
