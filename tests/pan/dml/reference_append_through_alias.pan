object template reference_append_through_alias;
# append() on a variable changes the list it refers to: another reference sees it.
# @expect=count(/nlist[@name="profile"]/nlist[@name="r"]/list[@name="pkgs"]/*)=3 and /nlist[@name="profile"]/nlist[@name="r"]/list[@name="pkgs"]/*[3]="vim"
'/r' = {
  sw = dict('pkgs', list('bash', 'curl'));
  p = sw['pkgs'];
  append(p, 'vim');
  sw;
};
