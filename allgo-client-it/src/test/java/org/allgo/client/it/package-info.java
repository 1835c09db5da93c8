/**
 * Black-box tests through a client generated from the OpenAPI document: the document as the server
 * serves it, and a job run end to end with the client.
 */
package org.allgo.client.it;
