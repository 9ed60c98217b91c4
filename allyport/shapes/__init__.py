"""The Partner Central service models of the installed botocore, without the wire.

`loader` reads every `partnercentral-*` model (whatever its protocol), `validation`
checks values against a shape and raises the domain's RuleViolation,
`serialization` turns values into a shape's wire form, `selling` names the selling
model's enums and limits the forms and rules read. Nothing here knows HTTP: the
endpoint (`allyport.awsapi`) and the domains both build on it.
"""
