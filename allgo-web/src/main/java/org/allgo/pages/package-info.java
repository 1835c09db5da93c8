/**
 * What all Faces pages share: messages and refusals, the caller, Markdown rendered safely, and the
 * formatting of sizes and dates.
 */
package org.allgo.pages;
