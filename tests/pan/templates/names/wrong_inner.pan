template not_wrong_inner;
'/x' = 1;
