object template include_ordinary_twice_runs_twice;
# @expect=count(/nlist[@name="profile"]/*[@name="entries"]/*)=2
'/entries' = list();
include 'add_entry';
include 'add_entry';
