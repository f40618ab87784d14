object template include_unique_runs_once;
# @expect=count(/nlist[@name="profile"]/*[@name="entries"]/*)=1
'/entries' = list();
include 'add_once';
include 'add_once';
include 'add_once';
