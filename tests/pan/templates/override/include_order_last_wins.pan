object template include_order_last_wins;
# @expect=/nlist[@name="profile"]/string[@name="setting"]="late"
# @expect=/nlist[@name="profile"]/string[@name="seen"]="late"
'/setting' = 'early';
include 'late';
'/seen' = value('/setting');
