//! The one list shape, `{"items", "total", "limit", "offset"}`, and the checks on `limit` and
//! `offset` that every list endpoint shares.

use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::http::error::ApiError;
use crate::store::{Listing, Page};

/// Items per page when `limit` is absent.
pub const DEFAULT_LIMIT: usize = 50;
/// The largest `limit` accepted.
pub const MAX_LIMIT: usize = 500;

/// A page of a list.
#[derive(Clone, Debug, Serialize, Deserialize, ToSchema)]
pub struct Paginated<T> {
    /// The items on this page.
    pub items: Vec<T>,
    /// How many items match, over all pages.
    pub total: usize,
    /// The page size used.
    pub limit: usize,
    /// How many matching items were skipped.
    pub offset: usize,
}

impl<T> Paginated<T> {
    /// Wraps a store listing with the window that produced it.
    pub fn new(listing: Listing<T>, page: Page) -> Self {
        Paginated {
            items: listing.items,
            total: listing.total,
            limit: page.limit,
            offset: page.offset,
        }
    }
}

/// Only `limit` and `offset`: for lists with no other filter.
#[derive(Clone, Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct PageQuery {
    /// Items per page, 1 to 500.
    #[param(minimum = 1, maximum = 500, default = 50)]
    pub limit: Option<i64>,
    /// Matching items to skip.
    #[param(minimum = 0, default = 0)]
    pub offset: Option<i64>,
}

impl PageQuery {
    /// The checked window.
    pub fn page(&self) -> Result<Page, ApiError> {
        page(self.limit, self.offset)
    }
}

/// Checks `limit` (1..=500, default 50) and `offset` (>= 0, default 0).
pub fn page(limit: Option<i64>, offset: Option<i64>) -> Result<Page, ApiError> {
    let limit = match limit {
        None => DEFAULT_LIMIT,
        Some(l) if (1..=MAX_LIMIT as i64).contains(&l) => l as usize,
        Some(l) => {
            return Err(ApiError::BadRequest(format!(
                "`limit` must be between 1 and {MAX_LIMIT}, not {l}"
            )));
        }
    };
    let offset = match offset {
        None => 0,
        Some(o) if o >= 0 => o as usize,
        Some(o) => {
            return Err(ApiError::BadRequest(format!(
                "`offset` must be 0 or more, not {o}"
            )));
        }
    };
    Ok(Page { limit, offset })
}

#[cfg(test)]
#[expect(
    clippy::unwrap_used,
    reason = "a test should fail loudly on an unexpected error"
)]
mod tests {
    use super::*;

    #[test]
    fn limits_are_checked() {
        assert_eq!(
            page(None, None).unwrap(),
            Page {
                limit: 50,
                offset: 0
            }
        );
        assert_eq!(
            page(Some(500), Some(7)).unwrap(),
            Page {
                limit: 500,
                offset: 7
            }
        );
        assert!(page(Some(0), None).is_err());
        assert!(page(Some(501), None).is_err());
        assert!(page(None, Some(-1)).is_err());
    }
}
