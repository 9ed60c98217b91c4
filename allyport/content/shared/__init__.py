"""What every part of the content app uses: ids, stored files, access and audit helpers."""
