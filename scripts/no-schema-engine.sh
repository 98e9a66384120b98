#!/bin/sh
echo "Simpul does not use Prisma's native schema engine: write SQL in prisma/migrations and run 'npm run simpul -- db migrate'." >&2
echo "See docs/decisions/0002-migrations-without-schema-engine.md" >&2
exit 1
