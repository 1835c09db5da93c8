/** The public health endpoint: UP or DOWN for everyone, each check's details for operators. */
package org.allgo.health.boundary;
