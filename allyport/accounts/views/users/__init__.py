"""My Company > User Management: one module per tab (Users, Partner Central roles,
Security) plus the pages the Users tab leads to (Manage roles, Remove user,
Reassign the alliance lead role)."""
