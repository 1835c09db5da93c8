/** The batch monitoring page (Faces, superusers only). */
package org.allgo.batch.pages;
