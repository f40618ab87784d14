//! The logos lexer for Pan (placeholder until the grammar lands).
