/** The original platform's API, as its clients use it. */
package org.allgo.it.v1;
