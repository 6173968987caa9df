//! The Finch Connect authorization URL (`https://connect.tryfinch.com/authorize`).
