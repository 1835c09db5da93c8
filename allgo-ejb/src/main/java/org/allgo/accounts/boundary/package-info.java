/**
 * The account services the web tier calls: each method is one transaction and refuses bad input
 * with a {@link org.allgo.platform.BusinessException}.
 */
package org.allgo.accounts.boundary;
