object template if_exists_absent_returns_undef;
# @expect=/nlist[@name="profile"]/boolean[@name="v"]="false"
'/v' = is_defined(if_exists('absent_tpl'));
