/** Reading the batch runtime's job repository. */
package org.allgo.batch.control;
