package org.mqttstudio.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.net.DatagramSocket;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URLConnection;
import java.net.http.HttpClient;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedList;
import java.util.Set;
import javafx.beans.Observable;
import javafx.scene.Node;
import org.junit.jupiter.api.Test;
import org.mqttstudio.runtime.EmbeddedBroker;
import org.mqttstudio.runtime.MosquittoBroker;
import org.mqttstudio.runtime.TopologyRunner;

/**
 * The rules for the app, checked on its compiled classes: no state shared through statics, no blocking
 * network or runtime call that the FX thread could make, packages that depend on each other one way.
 */
class AppArchitectureTest {
    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.mqttstudio.app");

    @Test
    void noStaticMutableState() {
        fields().that().areStatic().should().beFinal().check(classes);
        // A final static property, node or mutable collection is still one shared, changeable thing (a List.of
        // constant is typed List and passes; what is behind a List type cannot be seen here).
        noFields().that().areStatic().should().haveRawType(assignableTo(Observable.class, Node.class,
                ArrayList.class, HashMap.class, HashSet.class, ArrayDeque.class, LinkedList.class))
                .check(classes);
    }

    /**
     * The designer's packages never open a socket; only a run (app.run, started off the FX thread) talks to
     * the network.
     */
    @Test
    void onlyARunTouchesTheNetwork() {
        noClasses().that().resideOutsideOfPackage("org.mqttstudio.app.run..")
                .should().dependOnClassesThat().belongToAnyOf(Socket.class, ServerSocket.class, DatagramSocket.class,
                        URLConnection.class, HttpURLConnection.class, HttpClient.class)
                .check(classes);
    }

    /**
     * Starting or stopping brokers takes seconds (an embedded broker's stop ~4 s): the app starts and stops a
     * run only through TopologyRunner's startAsync/stopAsync, and never a broker by itself.
     */
    @Test
    void runsStartAndStopOnlyAsynchronously() {
        Set<Class<?>> blocking = Set.of(TopologyRunner.class, EmbeddedBroker.class, MosquittoBroker.class);
        noClasses().should().callMethodWhere(DescribedPredicate.describe(
                "start(), stop() or close() of a runner or broker",
                (JavaCall<?> call) -> blocking.stream().anyMatch(type -> call.getTargetOwner().isAssignableTo(type))
                        && Set.of("start", "stop", "close").contains(call.getName())))
                .check(classes);
    }

    @Test
    void packagesAreFreeOfCycles() {
        slices().matching("org.mqttstudio.app.(*)..").should().beFreeOfCycles().check(classes);
        // The window uses every feature; no feature uses the window (the root package's helpers, such as
        // Snapshots, are free to use).
        noClasses().that().resideInAPackage("org.mqttstudio.app.*..")
                .should().dependOnClassesThat().belongToAnyOf(StudioWindow.class, StudioApp.class, Launcher.class)
                .check(classes);
    }

    private static DescribedPredicate<JavaClass> assignableTo(Class<?>... types) {
        return DescribedPredicate.describe("assignable to one of " + Arrays.toString(types),
                javaClass -> Arrays.stream(types).anyMatch(javaClass::isAssignableTo));
    }
}
