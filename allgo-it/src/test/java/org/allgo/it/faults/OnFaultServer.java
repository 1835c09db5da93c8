package org.allgo.it.faults;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class or method against the {@link FaultServer}, which it gets as a parameter. Tagged
 * {@code fault-server}: {@code bin/allgo test} runs these tests in a tier of their own, beside the
 * black-box tests of the server under test (the fault server's database, engine, data root and
 * ports are its own).
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Tag("fault-server")
@ExtendWith(FaultServer.Extension.class)
public @interface OnFaultServer {}
