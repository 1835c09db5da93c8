/**
 * The {@code commit-version} batch job: commit the sandbox, push the image, check the registry
 * holds it and publish the version. Each step records failures on the version itself.
 */
package org.allgo.webapps.batch;
