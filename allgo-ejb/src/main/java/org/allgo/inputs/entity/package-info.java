/** The description of a version's inputs, its Boutiques form, its checks and its argv. */
package org.allgo.inputs.entity;
