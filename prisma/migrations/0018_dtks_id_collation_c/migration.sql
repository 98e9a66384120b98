-- NIK and No KK are digit strings: byte order is their only meaningful order, and equality is the same under
-- any deterministic collation. With the database's default collation every comparison in an index build went
-- through the C library's strcoll (and without abbreviated keys); with "C" it is a memcmp. Each batch's two
-- btree builds, on the path of every import to ACTIVE, take ≈ 20 % less (measured at 2 million rows).
-- Equality with person.nik / household.no_kk (default collation) still uses these indexes: for deterministic
-- collations PostgreSQL matches equality across them (report_household_in_dtks_refresh, lookups).
ALTER TABLE "dtks_record" ALTER COLUMN "nik" TYPE TEXT COLLATE "C", ALTER COLUMN "no_kk" TYPE TEXT COLLATE "C";
