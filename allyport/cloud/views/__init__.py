"""The cloud console: an IAM user of an embedded cloud account signs in and
manages the account's users, roles, policies and access keys, reads the AWS
managed policy catalogue and runs the policy simulator.

One module per concern: sign-in, the dashboard, users, roles, what users and
roles share (attached and inline policies), access keys, policies, the simulator.
Every change goes through `allyport.cloud.services`, which asks the policy
evaluator for the signed-in user and writes the audit record.
"""
