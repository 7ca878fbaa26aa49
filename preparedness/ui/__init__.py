"""The wizard a family sees: pages fill the model; saving and paper live elsewhere."""
