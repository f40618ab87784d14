object template tabs_as_whitespace;
# @expect=/nlist[@name="profile"]/string[@name="v"]="tab"
	'/v'	=	'tab';
