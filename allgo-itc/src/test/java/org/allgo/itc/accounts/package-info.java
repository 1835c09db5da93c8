/** The account and SSH key boundaries, tested inside the server. */
package org.allgo.itc.accounts;
