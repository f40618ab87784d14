object template error_in_included_template;

include 'lib/site_defaults';
