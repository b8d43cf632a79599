/** Digital signatures (issue 4 §5): schemas for the trusted list and signing identities. */
export {};
