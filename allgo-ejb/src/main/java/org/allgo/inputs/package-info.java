/**
 * Typed inputs: a version's description of the parameters its program takes (kinds, bounds,
 * choices, files) and the command-line template that places them, read from and written to a
 * Boutiques descriptor, checked field by field and rendered to an argv without any shell.
 */
package org.allgo.inputs;
