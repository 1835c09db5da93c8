/**
 * Black-box tests of the documented API (/api/v2) as a client sees it: each resource walked
 * through, and each refusal as an RFC 9457 problem with its status.
 */
package org.allgo.it.api;
