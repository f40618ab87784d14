object template string_with_quotes;
# @expect=/nlist/string[@name="s"]=concat("it's ", '"quoted"')
'/s' = "it's \"quoted\"";
